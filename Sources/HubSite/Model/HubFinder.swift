/// The hub finder's page when `content/hubs/index.md` does not give its own title and text.
enum HubFinder {
    static let defaultPage = Page(
        kind: .hubFinder, source: "content/hubs/index.md", title: "Find your Maths Hub",
        description: "Every Maths Hub taking part in the programme, by region, with the areas each one serves.",
        template: "hubs", urlPath: "hubs/",
        body: .empty)
}
