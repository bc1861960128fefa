import Foundation

/// For an output folder that cannot be renamed (a mount point, or a folder in a lower layer of
/// overlayfs): its contents are removed and the new site's copied in, marker last, so that an
/// interrupted replacement leaves a folder the next build still recognises as hubsite's.
enum ContentsReplacement {
    static func replace(contentsOf output: String, with staging: String) throws {
        let files = FileManager.default
        for name in try files.contentsOfDirectory(atPath: output).sorted() where name != OutputMarker.fileName {
            try files.removeItem(atPath: output + "/" + name)
        }
        for name in try files.contentsOfDirectory(atPath: staging).sorted() where name != OutputMarker.fileName {
            try files.copyItem(atPath: staging + "/" + name, toPath: output + "/" + name)
        }
        _ = unlink(output + "/" + OutputMarker.fileName)
        try files.copyItem(atPath: staging + "/" + OutputMarker.fileName, toPath: output + "/" + OutputMarker.fileName)
    }
}
