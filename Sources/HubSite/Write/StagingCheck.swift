import Foundation

/// The last look at a staging folder before it is published: it must still be the folder this
/// build made, holding exactly the files it wrote. A link or file that another process put
/// there while the build ran would otherwise be published.
enum StagingCheck {
    struct Intruder: Error, CustomStringConvertible {
        var description: String
    }

    static func verify(_ staging: String, descriptor: Int32, holds written: Set<String>) throws {
        var made = stat(), named = stat()
        guard fstat(descriptor, &made) == 0, lstat(staging, &named) == 0,
              made.st_ino == named.st_ino, made.st_dev == named.st_dev else {
            throw Intruder(description: "the folder \(staging) it wrote the site in was moved or replaced while it ran")
        }
        var found = 0
        try visit(staging, under: "", written: written, found: &found)
        if found != written.count {
            throw Intruder(description: "\(written.count - found) files it wrote were gone from \(staging) when it finished")
        }
    }

    private static func visit(_ folder: String, under relative: String, written: Set<String>, found: inout Int) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        for name in names {
            let path = relative + name
            var status = stat()
            guard lstat(folder + "/" + name, &status) == 0 else { throw NoFollow.posixError() }
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                try visit(folder + "/" + name, under: path + "/", written: written, found: &found)
            case S_IFREG where written.contains(path) && status.st_nlink == 1:
                found += 1
            default:
                throw Intruder(description: "something other than this build put \(path) into the folder it wrote the site in")
            }
        }
    }
}
