import Foundation

/// The file every build leaves in its output folder. hubsite replaces or removes a folder only
/// when it holds this file: one it made itself. An `index.html` is no proof: someone's blog
/// or thesis folder has one too.
public enum OutputMarker {
    public static let fileName = ".hubsite-output"
    private static let formatPrefix = "hubsite output folder, format "
    static let formatLine = formatPrefix + "1"

    static let contents = """
        \(formatLine)
        This folder is made by `hubsite build`, which replaces it whole at every build.
        Anything you add here is lost at the next build: keep your files in content/ instead.

        """

    /// True when `folder` is a folder, not a link, holding the marker as a regular file.
    static func isPresent(in folder: String) -> Bool {
        var status = stat()
        guard lstat(folder, &status) == 0, status.st_mode & S_IFMT == S_IFDIR,
              let bytes = NoFollow.readRegularFile(atPath: folder + "/" + fileName, limit: 256) else { return false }
        return bytes.starts(with: Data(formatPrefix.utf8))
    }

    /// Writes the marker into the open folder `folder`, which must not hold one yet.
    static func write(into folder: Int32) throws {
        try NoFollow.writeNewFile(fileName, in: folder, contents: Array(contents.utf8))
    }
}
