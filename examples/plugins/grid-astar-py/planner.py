#!/usr/bin/env python3
"""grid-astar-py: the builtin `grid-astar` planner ported to Python, as a PlannerFactory worker
speaking protocol v1 (JSON lines on stdin/stdout). Standard library only.

Same objectives, grid semantics, costs, step texts, stats and messages as the Swift planner
(Sources/ExamplePlanners/Grid and Search):

- objective text `route from X,Y to X,Y` (the words `from` and `to`, each followed by `x,y`, in
  any order; brackets and spaces allowed, as in `navigate to (3, 1) from (0, 0).`); parameters
  `from` / `to` override the text; parameter `map`: rows of `.` (free) and `#` (wall) separated
  by newlines or `/`, else the default 10x6 map; other parameters are ignored;
- moves north/east/south/west at unit cost; with the configuration `{"diagonal": true}` also
  diagonally, never cutting a corner past a wall; A* with ties broken exactly as the Swift
  search does, so plans are the same step for step;
- errors: a bad objective is `invalid-objective`, walls cutting the goal off `unsolvable`.

One addition: the configuration key `expansionLimit` (a whole number >= 1; none by default) stops
the search after that many expansions with `limit-reached`.

stdout carries protocol lines only: at start the protocol's stdout is moved to a private
descriptor and descriptor 1 is pointed at stderr, so stray prints (and any children's output)
land on stderr. The worker exits at the end of stdin.
"""
import heapq
import json
import os
import re
import sys
import unicodedata

NAME = "grid-astar-py"
DESCRIPTOR = {
    "name": NAME,
    "version": "1.0.0",
    "summary": "Shortest routes on a text grid by A* search (4-connected by default, unit step cost), "
               "the builtin grid-astar ported to a Python worker process",
    "capabilities": ["grid", "route", "optimal", "2d"],
    "keywords": ["route", "path", "grid", "navigate", "from", "to"],
    "rank": 10,
    "boosts": {"optimal": 5, "route": 2},
    "threadSafe": True,
}

DEFAULT_MAP = "\n".join([
    "..........",
    ".####.###.",
    "....#...#.",
    "##..#.#...",
    "....#.#.#.",
    "......#...",
])

INT_MIN, INT_MAX = -(2 ** 63), 2 ** 63 - 1


class PlanningError(Exception):
    """A failure answered with a protocol error code."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message


def invalid(message):
    return PlanningError("invalid-objective", message)


def type_description(value):
    """The JSON type of a value, worded as PlannerKit's JSONValue.typeDescription."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a Boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


# MARK: Text

def characters(text):
    """The text's characters, keeping combining marks, joiners and variation selectors with the
    character before them (close to Swift's grapheme clusters, which is what the Swift planner
    counts and classifies)."""
    result = []
    for scalar in text:
        joins = (unicodedata.category(scalar).startswith("M") or scalar == "\u200d"
                 or "\ufe00" <= scalar <= "\ufe0f")
        if result and (joins or result[-1].endswith("\u200d")):
            result[-1] += scalar
        else:
            result.append(scalar)
    return result


def is_word_character(character):
    first = character[0]
    return first.isalpha() or first.isnumeric() or first in "_-"


def tokens(text):
    """Words (runs of letters, digits, `_` and `-`, lower-cased) and separators (`,` `;`, as None)."""
    result, current = [], ""
    for character in characters(text.lower()):
        if is_word_character(character):
            current += character
        else:
            if current:
                result.append(current)
            current = ""
            if character in (",", ";"):
                result.append(None)
    if current:
        result.append(current)
    return result


def integer(word):
    """Swift's `Int(word)`: ASCII digits with an optional sign, within 64 bits; else None."""
    if word is None or not re.fullmatch(r"[+-]?[0-9]+", word):
        return None
    value = int(word)
    return value if INT_MIN <= value <= INT_MAX else None


def point_at(tokens_, index):
    """A coordinate `number , number` starting at tokens_[index], or None."""
    head = tokens_[index:index + 3]
    if len(head) != 3 or head[1] is not None:
        return None
    x, y = integer(head[0]), integer(head[2])
    return None if x is None or y is None else (x, y)


def parse_point(text):
    """`"x,y"`, spaces and brackets allowed (`"(3, 4)"`)."""
    parts = tokens(text)
    return point_at(parts, 0) if len(parts) == 3 else None


def find_point(keyword, tokens_):
    """The first coordinate written right after the word `keyword`."""
    for index, token in enumerate(tokens_):
        if token == keyword:
            point = point_at(tokens_, index + 1)
            if point is not None:
                return point
    return None


def show(point):
    return "%d,%d" % point


# MARK: Grid

NEWLINE_OR_SLASH = re.compile("\r\n|[\n\x0b\x0c\r\x85\u2028\u2029/]")
DIRECTIONS = {  # name: (dx, dy); rows grow downwards
    "north": (0, -1), "east": (1, 0), "south": (0, 1), "west": (-1, 0),
    "northeast": (1, -1), "southeast": (1, 1), "southwest": (-1, 1), "northwest": (-1, -1),
}
ORTHOGONAL = ["north", "east", "south", "west"]
ALL_DIRECTIONS = ORTHOGONAL + ["northeast", "southeast", "southwest", "northwest"]


class Grid:
    def __init__(self, text):
        rows = [characters(row.strip(" \t\r")) for row in NEWLINE_OR_SLASH.split(text)]
        while rows and not rows[0]:
            rows.pop(0)
        while rows and not rows[-1]:
            rows.pop()
        if not rows:
            raise invalid("The map is empty; give rows of '.' (free) and '#' (wall) separated by newlines or '/'.")
        width = len(rows[0])
        walls = []
        for y, row in enumerate(rows):
            if len(row) != width:
                raise invalid("Map row %d has %d cells but row 0 has %d; the map must be rectangular." % (y, len(row), width))
            for x, cell in enumerate(row):
                if cell not in (".", "#"):
                    raise invalid("Map cell %d,%d is '%s'; use '.' for a free cell and '#' for a wall." % (x, y, cell))
                walls.append(cell == "#")
        self.width, self.height, self.walls = width, len(rows), walls

    def contains(self, point):
        return 0 <= point[0] < self.width and 0 <= point[1] < self.height

    def is_free(self, point):
        return self.contains(point) and not self.walls[point[1] * self.width + point[0]]

    def moves(self, point, diagonal):
        """(direction, next cell) for each move to a free cell; diagonals never cut a corner."""
        result = []
        for name in (ALL_DIRECTIONS if diagonal else ORTHOGONAL):
            dx, dy = DIRECTIONS[name]
            nxt = (point[0] + dx, point[1] + dy)
            if not self.is_free(nxt):
                continue
            if dx and dy and not (self.is_free((nxt[0], point[1])) and self.is_free((point[0], nxt[1]))):
                continue
            result.append((name, nxt))
        return result


# MARK: Objective and problem

def read_objective(body):
    """(text, parameters) from an objective's JSON form, checked as PlannerKit's Objective(json:)."""
    if not isinstance(body, dict):
        raise invalid("an objective must be a JSON object, not %s" % type_description(body))
    text = body.get("text")
    if not isinstance(text, str):
        raise invalid('an objective needs "text", a string')
    capabilities = body.get("capabilities")
    if capabilities is not None:
        if not isinstance(capabilities, list):
            raise invalid('"capabilities" must be an array of strings')
        for element in capabilities:
            if not isinstance(element, str):
                raise invalid('"capabilities" must be an array of strings, found %s' % type_description(element))
    parameters = body.get("parameters")
    if parameters is None:
        parameters = {}
    if not isinstance(parameters, dict):
        raise invalid('"parameters" must be an object of strings')
    for key, value in parameters.items():
        if not isinstance(value, str):
            raise invalid('parameter "%s" must be a string, found %s' % (key, type_description(value)))
    return text, parameters


def endpoint(keyword, role, text, parameters, tokens_):
    if keyword in parameters:
        point = parse_point(parameters[keyword])
        if point is None:
            raise invalid('Parameter "%s" must be a coordinate "x,y" (x = column, y = row, from 0), not "%s".'
                          % (keyword, parameters[keyword]))
        return point
    point = find_point(keyword, tokens_)
    if point is None:
        raise invalid('The objective "%s" names no %s: write "route from x,y to x,y" (x = column, y = row, from 0)'
                      ' or give the parameter "%s".' % (text, role, keyword))
    return point


def check(grid, point, role):
    if not grid.contains(point):
        raise invalid("The %s %s is off the %d\u00d7%d map (x from 0 to %d, y from 0 to %d)."
                      % (role, show(point), grid.width, grid.height, grid.width - 1, grid.height - 1))
    if not grid.is_free(point):
        raise invalid("The %s %s is a wall ('#') on the map." % (role, show(point)))


# MARK: Search

def astar(start, goal, grid, diagonal, limit):
    """A* as Sources/ExamplePlanners/Search/AStarSearch.swift: ties on f go to the deeper node,
    then to the older one. Returns ("found", directions, expanded), ("exhausted", None, expanded)
    or ("limit", None, expanded)."""
    def heuristic(point):
        dx, dy = abs(point[0] - goal[0]), abs(point[1] - goal[1])
        return max(dx, dy) if diagonal else dx + dy

    nodes = [(start, None, None, 0)]  # state, parent, action, cost
    best = {start: 0}
    closed = set()
    open_ = [(heuristic(start), 0, 0)]  # estimate, -cost, node
    expanded = 0
    while open_:
        _, _, index = heapq.heappop(open_)
        state, _, _, cost = nodes[index]
        if state in closed or best.get(state) != cost:
            continue
        if state == goal:
            directions = []
            while nodes[index][2] is not None:
                directions.append(nodes[index][2])
                index = nodes[index][1]
            return "found", directions[::-1], expanded
        if limit is not None and expanded >= limit:
            return "limit", None, expanded
        closed.add(state)
        expanded += 1
        for action, nxt in grid.moves(state, diagonal):
            if nxt in closed:
                continue
            step_cost = cost + 1
            known = best.get(nxt)
            if known is not None and known <= step_cost:
                continue
            best[nxt] = step_cost
            nodes.append((nxt, index, action, step_cost))
            heapq.heappush(open_, (step_cost + heuristic(nxt), -step_cost, len(nodes) - 1))
    return "exhausted", None, expanded


# MARK: Planner

class GridRoutePlanner:
    ACCEPTED = ["diagonal", "expansionLimit"]

    def __init__(self, configuration):
        if configuration is None:
            configuration = {}
        if not isinstance(configuration, dict):
            raise PlanningError("internal", "the configuration must be a JSON object, not %s" % type_description(configuration))
        for key in sorted(configuration):
            if key not in self.ACCEPTED:
                raise PlanningError("internal", 'unknown configuration key "%s" for planner %s; accepted keys: %s'
                                    % (key, NAME, ", ".join('"%s"' % k for k in self.ACCEPTED)))
        diagonal = configuration.get("diagonal", False)
        if not isinstance(diagonal, bool):
            raise PlanningError("internal", 'configuration key "diagonal" for planner %s must be true or false, found %s'
                                % (NAME, type_description(diagonal)))
        limit = configuration.get("expansionLimit")
        if limit is not None:
            whole = (isinstance(limit, (int, float)) and not isinstance(limit, bool)
                     and limit == limit and abs(limit) <= 9.0e15 and int(limit) == limit)
            if not whole or limit < 1:
                raise PlanningError("internal", 'configuration key "expansionLimit" for planner %s must be a whole number'
                                    ' of at least 1, found %s' % (NAME, json.dumps(limit)))
            limit = int(limit)
        self.diagonal, self.limit = diagonal, limit

    def plan(self, body):
        text, parameters = read_objective(body)
        grid = Grid(parameters.get("map", DEFAULT_MAP))
        words = tokens(text)
        start = endpoint("from", "start", text, parameters, words)
        goal = endpoint("to", "goal", text, parameters, words)
        check(grid, start, "start")
        check(grid, goal, "goal")
        outcome, directions, expanded = astar(start, goal, grid, self.diagonal, self.limit)
        if outcome == "found":
            steps, position = [], start
            for direction in directions:
                dx, dy = DIRECTIONS[direction]
                position = (position[0] + dx, position[1] + dy)
                steps.append("move %s to %s" % (direction, show(position)))
            return {"planner": NAME, "steps": steps, "cost": len(steps),
                    "stats": {"expanded": expanded, "optimal": True, "length": len(steps)}}
        if outcome == "limit":
            raise PlanningError("limit-reached", "No route from %s to %s found within the expansion limit of %d cells."
                                % (show(start), show(goal), self.limit))
        raise PlanningError("unsolvable", "No route from %s to %s: walls cut the goal off (%d cells reachable from the start)."
                            % (show(start), show(goal), expanded))


# MARK: Protocol v1

class Worker:
    def __init__(self):
        self.instances = {}
        self.created = 0

    def instance(self, request):
        key = request.get("instance")
        if not isinstance(key, str) or key not in self.instances:
            raise PlanningError("internal", "no instance %s (create one first)" % json.dumps(key))
        return key

    def handle(self, request):
        call = request.get("call")
        body = request.get("body")
        if call == "create":
            planner = GridRoutePlanner(body)
            self.created += 1
            key = "grid-%d" % self.created
            self.instances[key] = planner
            return {"instance": key}
        if call == "plan":
            return self.instances[self.instance(request)].plan(body)
        if call == "health":
            self.instance(request)
            return {"healthy": True, "detail": ""}
        if call == "destroy":
            del self.instances[self.instance(request)]
            return None
        raise PlanningError("internal", "unknown call %s (known: create, plan, health, destroy)" % json.dumps(call))

    def answer(self, line):
        request_id = None
        try:
            try:
                request = json.loads(line.decode("utf-8"))
            except (UnicodeDecodeError, ValueError) as error:
                raise PlanningError("internal", "the request is not a JSON line: %s" % error)
            if not isinstance(request, dict):
                raise PlanningError("internal", "a request must be a JSON object, not %s" % type_description(request))
            request_id = request.get("id")
            if isinstance(request_id, (dict, list)):
                request_id = None
            return {"id": request_id, "result": self.handle(request)}
        except PlanningError as error:
            return {"id": request_id, "error": {"message": error.message, "code": error.code}}
        except Exception as error:  # a bug or an exhausted resource: answer, never crash
            return {"id": request_id, "error": {"message": "internal error: %s: %s" % (type(error).__name__, error),
                                                "code": "internal"}}


def main():
    # The protocol gets its own descriptor; fd 1 (print, children) goes to stderr from now on.
    protocol = os.fdopen(os.dup(1), "w", encoding="ascii", newline="\n")
    os.dup2(2, 1)
    sys.stdout = sys.stderr

    def send(message):
        protocol.write(json.dumps(message, ensure_ascii=True) + "\n")
        protocol.flush()

    try:
        send({"protocol": "planner-factory", "version": 1, "descriptor": DESCRIPTOR})
        worker = Worker()
        for line in sys.stdin.buffer:
            if line.strip():
                send(worker.answer(line))
    except BrokenPipeError:
        os._exit(0)  # the factory went away
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
