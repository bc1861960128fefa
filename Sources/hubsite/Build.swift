import ArgumentParser
import Foundation
import HubSite

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into the output folder.")

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "Where to write the site. It is replaced only when the whole build succeeds.")
    var output: String = "public"

    @Flag(name: .long, help: "Print how long each stage took.")
    var timings = false

    func run() throws {
        let builder = SiteBuilder(source: site.sourceURL)
        let outputURL = URL(fileURLWithPath: output, relativeTo: site.sourceURL)
        let interrupt = Interrupt.onSignal { [output] in
            // Ctrl-C: the half-written staging folder goes; the published folder was never touched.
            OutputWriter.discard(OutputWriter.stagingURL(for: outputURL))
            FileHandle.standardError.write(Data("stopped: \(output)/ was left as it was; run the build again when ready\n".utf8))
        }
        defer { interrupt.cancel() }
        do {
            let result = try builder.build(into: outputURL)
            Report.printDiagnostics(result.warnings)
            print("built \(result.site.pages.count) pages, \(result.fileCount) files into \(output)/")
            if timings {
                for (stage, seconds) in result.timings {
                    print(String(format: "  %-16@ %8.2f ms", stage as NSString, seconds * 1000))
                }
            }
            // The work is done: ending the process here spares freeing every page one by one.
            Foundation.exit(0)
        } catch {
            Report.printFailure(error)
            throw ExitCode(1)
        }
    }
}
