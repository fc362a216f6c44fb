import FactoryTUI
import PlannerFactory

/// The TUI's model of a factory at a terminal size: every planner, an objective and capabilities
/// typed, the ranking, and telemetry after 1,000 selections — what a frame shows.
enum TUIModel {
    static let objective = "deliver fragile parcels from dock to station via narrow route"

    static func make(factory: PlannerFactory, width: Int, height: Int) throws(BenchmarkFailure) -> AppModel {
        guard let source = factory.planners().dropFirst(factory.planners().count / 2).first, source.capabilities.count >= 3 else {
            throw BenchmarkFailure("the TUI benchmark needs discovered planners with capabilities")
        }
        let capabilities = source.capabilities.prefix(3).joined(separator: ", ")
        for _ in 0..<1000 { _ = try? factory.selectBestPlanner(objective: objective, capabilities: Array(source.capabilities.prefix(3))) }
        var model = AppModel(width: width, height: height, configurationSummary: "benchmark", isFrozen: false)
        apply(.planners(factory.planners()), to: &model, factory: factory)
        for character in "/" + objective { apply(.input(.key(.character(character))), to: &model, factory: factory) }
        apply(.input(.key(.tab)), to: &model, factory: factory)
        for character in capabilities { apply(.input(.key(.character(character))), to: &model, factory: factory) }
        apply(.telemetry(factory.telemetry.snapshot()), to: &model, factory: factory)
        guard model.ranking?.count == factory.planners().count, model.editing == .capabilities else {
            throw BenchmarkFailure("the TUI model did not rank every planner")
        }
        return model
    }

    /// Applies an event as the app loop does: the update, then the ranking it asks for at once
    /// (the only synchronous effect on a keystroke).
    static func apply(_ event: AppEvent, to model: inout AppModel, factory: PlannerFactory) {
        for effect in AppUpdate.update(&model, event) {
            if case .rank(let objective, let capabilities) = effect {
                apply(.ranked(factory.rank(objective: objective, capabilities: capabilities)), to: &model, factory: factory)
            }
        }
    }
}

/// One frame: the whole screen rendered into the cell grid, and compared with the previous frame
/// cell by cell as the backend does before it writes what changed.
final class RenderMeasurement: Measurement {
    let model: AppModel
    private var previous: CellGrid

    init(model: AppModel) {
        self.model = model
        previous = CellGrid(width: model.width, height: model.height)
    }

    func sample() throws(BenchmarkFailure) -> Timing {
        let stopwatch = Stopwatch()
        let (grid, _) = Renderer.render(model)
        let changed = zip(grid.cells, previous.cells).reduce(0) { $0 + ($1.0 == $1.1 ? 0 : 1) }
        let timing = stopwatch.elapsed()
        blackHole(changed)
        previous = grid
        return timing
    }
}

/// A keystroke in the capabilities field to the frame that shows it: the update, the new ranking
/// of every planner, the render and the cell comparison. Samples alternate typing a character
/// and erasing it, so the text (and the work) stays the same.
final class KeystrokeMeasurement: Measurement {
    let factory: PlannerFactory
    private var model: AppModel
    private var previous: CellGrid
    private var typesNext = true

    init(factory: PlannerFactory, model: AppModel) {
        self.factory = factory
        self.model = model
        previous = Renderer.render(model).grid
    }

    func sample() throws(BenchmarkFailure) -> Timing {
        let key: Key = typesNext ? .character("x") : .backspace
        typesNext.toggle()
        let stopwatch = Stopwatch()
        TUIModel.apply(.input(.key(key)), to: &model, factory: factory)
        let (grid, _) = Renderer.render(model)
        let changed = zip(grid.cells, previous.cells).reduce(0) { $0 + ($1.0 == $1.1 ? 0 : 1) }
        let timing = stopwatch.elapsed()
        guard changed > 0 else { throw BenchmarkFailure("a keystroke changed nothing on the screen") }
        previous = grid
        return timing
    }
}
