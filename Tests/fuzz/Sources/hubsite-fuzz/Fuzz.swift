import Foundation

/// libFuzzer calls this with each input; HUBSITE_FUZZ_TARGET chooses the stage
/// (front-matter, markdown or template).
private let target = ProcessInfo.processInfo.environment["HUBSITE_FUZZ_TARGET"] ?? "markdown"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    switch target {
    case "front-matter": FuzzTargets.frontMatter(bytes)
    case "template": FuzzTargets.template(bytes)
    default: FuzzTargets.markdown(bytes)
    }
    return 0
}
