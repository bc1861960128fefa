import Foundation

/// The file every build leaves in its output folder. hubsite replaces a folder whole, so it
/// replaces only a folder that holds this file: one it made itself. An `index.html` is no
/// proof: someone's blog or thesis folder has one too.
public enum OutputMarker {
    public static let fileName = ".hubsite-output"
    private static let formatPrefix = "hubsite output folder, format "
    static let formatLine = formatPrefix + "1"

    static let contents = """
        \(formatLine)
        This folder is made by `hubsite build`, which replaces it whole at every build.
        Anything you add here is lost at the next build: keep your files in content/ instead.

        """

    static func isPresent(in folder: String) -> Bool {
        guard let text = try? String(contentsOfFile: folder + "/" + fileName, encoding: .utf8) else { return false }
        return text.hasPrefix(formatPrefix)
    }

    static func write(into folder: String) throws {
        try Data(contents.utf8).write(to: URL(fileURLWithPath: folder + "/" + fileName))
    }
}
