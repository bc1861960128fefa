import Foundation

/// The site before the current one, kept beside the output folder (`.public.previous`) for the
/// next build to write over. A rebuild then rewrites files in place instead of making thousands
/// of files and folders and deleting as many: ext4 without a journal searches past every file
/// deleted in the last minutes for each one it makes, and each rebuild was slower than the one
/// before it (Tests/bench/README.md).
enum PreviousSite {
    /// What a reused site held, as paths relative to it: folders before what they hold.
    struct Contents {
        var files: Set<String> = []
        var folders: [String] = []
    }

    /// Moves the previous site to `staging` and leaves in it only what is safe to write over:
    /// folders, and files with no other name. Nil when there is no previous site of hubsite's.
    static func reuse(_ previous: String, as staging: String) -> Contents? {
        guard OutputMarker.isPresent(in: previous), rename(previous, staging) == 0 else { return nil }
        guard access(staging, R_OK | W_OK | X_OK) == 0 else {
            _ = OutputLeftovers.remove(staging)
            return nil
        }
        var contents = Contents()
        list(staging, under: "", into: &contents)
        return contents
    }

    /// Removes what this build did not write: the files, then the folders left empty.
    static func prune(_ staging: String, contents: Contents, keeping written: Set<String>) {
        for file in contents.files where !written.contains(file) { unlink(staging + "/" + file) }
        for folder in contents.folders.reversed() { rmdir(staging + "/" + folder) }
    }

    private static func list(_ folder: String, under relative: String, into contents: inout Contents) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            let path = folder + "/" + name
            var status = stat()
            guard lstat(path, &status) == 0 else { continue }
            switch status.st_mode & S_IFMT {
            case S_IFDIR where access(path, R_OK | W_OK | X_OK) == 0:
                contents.folders.append(relative + name)
                list(path, under: relative + name + "/", into: &contents)
            case S_IFREG where status.st_nlink == 1 && access(path, W_OK) == 0:
                contents.files.insert(relative + name)
            case S_IFDIR:
                _ = OutputLeftovers.remove(path)
            default:
                // A symbolic link, or a file with another name too: writing through it would
                // change something hubsite did not make. Only this name goes.
                unlink(path)
            }
        }
    }
}
