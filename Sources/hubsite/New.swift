import ArgumentParser
import Foundation
import HubSite

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a new hub or page: a complete, commented file that builds as it is.",
        subcommands: [NewHub.self, NewPage.self])
}

struct NewHub: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hub",
        abstract: "Write content/hubs/SLUG.md for a Maths Hub.",
        discussion: "Example: hubsite new hub \"West Midlands Maths Hub\" --region \"West Midlands\"")

    @OptionGroup var site: SiteOptions

    @Argument(help: "The hub's name as readers should see it, in quotes.")
    var name: String

    @Option(name: .long, help: "One of England's nine regions, e.g. \"West Midlands\".", completion: .list(Region.allCases.map(\.rawValue)))
    var region: String

    @Option(name: .long, help: "The file's name and the page's address (default: from the name, without \"Maths Hub\").")
    var slug: String?

    func run() throws {
        try NewFile.write(in: site) { () throws(Problem) in try NewContent.hub(name: name, region: region, slug: slug) }
    }
}

struct NewPage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "page",
        abstract: "Write content/NAME.md, a page at NAME/.",
        discussion: "Example: hubsite new page funding --title \"Funding and release time\"")

    @OptionGroup var site: SiteOptions

    @Argument(help: "The page's name: lower-case letters, digits and hyphens.")
    var name: String

    @Option(name: .long, help: "The page's title (default: from the name).")
    var title: String?

    func run() throws {
        try NewFile.write(in: site) { () throws(Problem) in try NewContent.page(name: name, title: title) }
    }
}

/// Makes the file, writes it without replacing anything, and says what to do next.
private enum NewFile {
    static func write(in site: SiteOptions, _ make: () throws(Problem) -> NewContent.File) throws {
        do {
            let file = try make()
            try NewContent.write(file, into: site.sourceURL)
            Terminal.out("wrote \(file.path)")
            Terminal.out("next: fill it in, then preview it with `hubsite serve`")
        } catch {
            Terminal.error("\(error)\nnothing was written")
            throw ExitCode(1)
        }
    }
}
