import PlannerKit

extension PlannerFactory {
    /// Ranks every planner for a request. Not recorded in telemetry (use it for previews).
    public func rank(_ request: RankingRequest) -> Ranking {
        let (records, cached, generation) = state.withLock { ($0.records, $0.rankingIndex, $0.generation) }
        if let cached { return Ranking(request: request, records: records, index: cached) }
        // The first ranking since the registry changed builds the index, outside the lock, and
        // keeps it unless the registry changed meanwhile.
        let index = RankingIndex(records: records)
        state.withLock { state in
            if state.generation == generation { state.rankingIndex = index }
        }
        return Ranking(request: request, records: records, index: index)
    }

    /// Ranks every planner for an objective and required capabilities, with the configured
    /// minimum match.
    public func rank(objective: String = "", capabilities: [String] = []) -> Ranking {
        rank(RankingRequest(objective: objective, capabilities: capabilities, minimumMatch: configuration.minimumMatch))
    }

    /// Selects the best planner for an objective and required capabilities, and records the
    /// selection in telemetry.
    /// - Throws: `FactoryError` `.noActivePlanners` when no planner is active at all, or
    ///   `.selectionError` listing the best candidates and what each lacks.
    public func selectBestPlanner(objective: String = "", capabilities: [String] = []) throws(FactoryError) -> Selection {
        let start = ContinuousClock.now
        let ranking = rank(objective: objective, capabilities: capabilities)
        let result: Result<RankedCandidate, FactoryError>
        if let winner = ranking.winner(explain: true) {
            result = .success(winner)
        } else if !ranking.hasActivePlanners {
            result = .failure(FactoryError(
                .noActivePlanners,
                ranking.count == 0
                    ? "No planners are registered: register builtins or set FACTORY_PLUGIN_PATH / --plugin-path to folders of plugin bundles."
                    : "None of the \(ranking.count) registered planners is active; see `factory list` for why each is not.",
                context: ["objective": objective]))
        } else {
            result = .failure(selectionError(ranking))
        }
        let duration = ContinuousClock.now - start
        telemetry.recordSelection(SelectionRecord(
            timestamp: WallClock.now(), objective: objective, capabilities: ranking.request.capabilities,
            candidateCount: ranking.count, winner: try? result.get().name,
            error: { if case .failure(let error) = result { return error.message } else { return nil } }(),
            duration: duration))
        switch result {
        case .success(let winner): return Selection(winner: winner, ranking: ranking, duration: duration)
        case .failure(let error): throw remember(error)
        }
    }

    private func selectionError(_ ranking: Ranking) -> FactoryError {
        let best = ranking.candidates(limit: 3)
        let capabilities = ranking.request.capabilities
        let required = capabilities.joined(separator: ", ")
        let shown = TerminalText.firstFew(capabilities.map { TerminalText.excerpt($0) })
        let lines = best.map { candidate in
            var why = candidate.whyNotSelectable ?? "selectable"
            while why.hasSuffix(".") { why.removeLast() }
            return "\(candidate.name) (match \(JSONValue.format(candidate.matchRatio))): \(why)"
        }
        return FactoryError(
            .selectionError,
            "No planner is selectable for capabilities [\(shown)] with minimum match \(JSONValue.format(ranking.request.minimumMatch)). "
                + "Best candidates: " + lines.joined(separator: "; ") + ".",
            context: ["capabilities": required, "candidates": best.map(\.name).joined(separator: ",")])
    }
}
