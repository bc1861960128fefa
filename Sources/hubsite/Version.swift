import ArgumentParser

/// The one place the version is written: `--version`, `hubsite version`, `--help`, and the
/// release files' names (the Makefile asks the built binary).
enum HubsiteVersion {
    static let number = "1.0.0"
}

struct Version: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print hubsite's version.")

    func run() {
        Terminal.out("hubsite \(HubsiteVersion.number)")
    }
}
