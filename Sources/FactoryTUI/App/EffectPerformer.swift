/// What the UI loop hands effects to: the factory's own runner, or, attached to another process,
/// the attach runner (which acts on nothing but what it shows).
public protocol EffectPerformer: Sendable {
    /// Runs an effect; returns the event at once for synchronous effects (ranking, telemetry).
    func perform(_ effect: Effect) -> AppEvent?
    /// The first work, when the loop starts.
    func start()
}
