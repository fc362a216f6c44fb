extension ConfigurationKey {
    /// `FACTORY_PUBLISH`: publish the factory's live events on a Unix-domain socket in
    /// `<state>/live/` for `factory ps`, `factory telemetry --follow` and `--prometheus`
    /// (README "Watching a running factory"). Off by default; on by default in `factory-tui`.
    public static let publish = ConfigurationKey(
        environmentName: "FACTORY_PUBLISH", flag: "--publish",
        accepted: Self.booleanForm,
        summary: "Publish live events on a socket in <state>/live/ for factory ps and telemetry --follow (factory-tui: on by default).")
}
