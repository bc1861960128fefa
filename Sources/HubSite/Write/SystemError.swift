import Foundation

/// A system call's failure in words.
enum SystemError {
    static func describe(_ code: Int32) -> String { String(cString: strerror(code)) }

    static func describe(_ error: Error) -> String {
        if let posix = error as? POSIXError { return describe(posix.code.rawValue) }
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return describe(Int32(underlying.code))
        }
        return nsError.localizedDescription
    }
}
