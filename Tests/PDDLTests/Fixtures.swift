/// PDDL texts the tests share: small, real-looking domains written for this project.
enum Fixtures {
    static let blocksTyped = """
        ; Blocks world, 4 operators, typed.
        (define (domain BLOCKS)
          (:requirements :strips :typing)
          (:types block)
          (:predicates (on ?x - block ?y - block) (ontable ?x - block)
                       (clear ?x - block) (handempty) (holding ?x - block))
          (:action pick-up
            :parameters (?x - block)
            :precondition (and (clear ?x) (ontable ?x) (handempty))
            :effect (and (not (ontable ?x)) (not (clear ?x)) (not (handempty)) (holding ?x)))
          (:action put-down
            :parameters (?x - block)
            :precondition (holding ?x)
            :effect (and (not (holding ?x)) (clear ?x) (handempty) (ontable ?x)))
          (:action stack
            :parameters (?x - block ?y - block)
            :precondition (and (holding ?x) (clear ?y))
            :effect (and (not (holding ?x)) (not (clear ?y)) (clear ?x) (handempty) (on ?x ?y)))
          (:action unstack
            :parameters (?x - block ?y - block)
            :precondition (and (on ?x ?y) (clear ?x) (handempty))
            :effect (and (holding ?x) (clear ?y) (not (clear ?x)) (not (handempty)) (not (on ?x ?y)))))
        """

    static let blocksUntyped = """
        (define (domain blocks)
          (:requirements :strips)
          (:predicates (on ?x ?y) (ontable ?x) (clear ?x) (handempty) (holding ?x))
          (:action pick-up :parameters (?x)
            :precondition (and (clear ?x) (ontable ?x) (handempty))
            :effect (and (not (ontable ?x)) (not (clear ?x)) (not (handempty)) (holding ?x)))
          (:action put-down :parameters (?x)
            :precondition (holding ?x)
            :effect (and (not (holding ?x)) (clear ?x) (handempty) (ontable ?x)))
          (:action stack :parameters (?x ?y)
            :precondition (and (holding ?x) (clear ?y))
            :effect (and (not (holding ?x)) (not (clear ?y)) (clear ?x) (handempty) (on ?x ?y)))
          (:action unstack :parameters (?x ?y)
            :precondition (and (on ?x ?y) (clear ?x) (handempty))
            :effect (and (holding ?x) (clear ?y) (not (clear ?x)) (not (handempty)) (not (on ?x ?y)))))
        """

    /// a, b, c on the table; goal: a on b on c.
    static let blocksProblem = """
        (define (problem blocks-3)
          (:domain blocks)
          (:objects a b c - block)
          (:init (clear a) (clear b) (clear c) (ontable a) (ontable b) (ontable c) (handempty))
          (:goal (and (on a b) (on b c))))
        """

    static let blocksProblemUntyped = """
        (define (problem blocks-3)
          (:domain blocks)
          (:objects a b c)
          (:init (clear a) (clear b) (clear c) (ontable a) (ontable b) (ontable c) (handempty))
          (:goal (and (on a b) (on b c))))
        """

    static let blocksPlan = ["(pick-up b)", "(stack b c)", "(pick-up a)", "(stack a b)"]

    static let gripper = """
        (define (domain gripper-strips)
          (:predicates (room ?r) (ball ?b) (gripper ?g) (at-robby ?r) (at ?b ?r) (free ?g) (carry ?o ?g))
          (:action move :parameters (?from ?to)
            :precondition (and (room ?from) (room ?to) (at-robby ?from))
            :effect (and (at-robby ?to) (not (at-robby ?from))))
          (:action pick :parameters (?obj ?room ?gripper)
            :precondition (and (ball ?obj) (room ?room) (gripper ?gripper) (at ?obj ?room) (at-robby ?room) (free ?gripper))
            :effect (and (carry ?obj ?gripper) (not (at ?obj ?room)) (not (free ?gripper))))
          (:action drop :parameters (?obj ?room ?gripper)
            :precondition (and (ball ?obj) (room ?room) (gripper ?gripper) (carry ?obj ?gripper) (at-robby ?room))
            :effect (and (at ?obj ?room) (free ?gripper) (not (carry ?obj ?gripper)))))
        """

    static let gripperProblem = """
        (define (problem gripper-2)
          (:domain gripper-strips)
          (:objects rooma roomb ball1 ball2 left right)
          (:init (room rooma) (room roomb) (ball ball1) (ball ball2) (gripper left) (gripper right)
                 (at-robby rooma) (free left) (free right) (at ball1 rooma) (at ball2 rooma))
          (:goal (and (at ball1 roomb) (at ball2 roomb))))
        """

    static let gripperPlan = [
        "(pick ball1 rooma left)", "(pick ball2 rooma right)", "(move rooma roomb)",
        "(drop ball1 roomb left)", "(drop ball2 roomb right)",
    ]

    /// Logistics-like, with `either`, multiple inheritance lines and a constant.
    static let logistics = """
        (define (domain logistics)
          (:requirements :strips :typing)
          (:types truck airplane - vehicle
                  package vehicle - physobj
                  airport location - place
                  city place physobj - object)
          (:constants hub - airport)
          (:predicates (in-city ?loc - place ?city - city) (at ?obj - physobj ?loc - place)
                       (in ?pkg - package ?veh - vehicle))
          (:action load
            :parameters (?pkg - package ?veh - (either truck airplane) ?loc - place)
            :precondition (and (at ?veh ?loc) (at ?pkg ?loc))
            :effect (and (not (at ?pkg ?loc)) (in ?pkg ?veh)))
          (:action unload
            :parameters (?pkg - package ?veh - vehicle ?loc - place)
            :precondition (and (at ?veh ?loc) (in ?pkg ?veh))
            :effect (and (not (in ?pkg ?veh)) (at ?pkg ?loc)))
          (:action drive
            :parameters (?truck - truck ?from ?to - location ?city - city)
            :precondition (and (at ?truck ?from) (in-city ?from ?city) (in-city ?to ?city))
            :effect (and (not (at ?truck ?from)) (at ?truck ?to)))
          (:action fly-to-hub
            :parameters (?plane - airplane ?from - airport)
            :precondition (at ?plane ?from)
            :effect (and (not (at ?plane ?from)) (at ?plane hub))))
        """

    static let logisticsProblem = """
        (define (problem logistics-1)
          (:domain logistics)
          (:objects p1 p2 - package t1 - truck a1 - airplane c1 - city l1 l2 - location ap1 - airport)
          (:init (at p1 l1) (at p2 l1) (at t1 l1) (at a1 ap1)
                 (in-city l1 c1) (in-city l2 c1) (in-city ap1 c1) (in-city hub c1))
          (:goal (and (at p1 l2))))
        """

    /// Briefcase world: conditional effects, forall, exists, imply, equality.
    static let briefcase = """
        (define (domain briefcase)
          (:requirements :adl)
          (:types location portable)
          (:predicates (at-bc ?l - location) (at ?p - portable ?l - location) (in ?p - portable) (sealed))
          (:action move
            :parameters (?from ?to - location)
            :precondition (and (at-bc ?from) (not (= ?from ?to)))
            :effect (and (at-bc ?to) (not (at-bc ?from))
                         (forall (?p - portable)
                           (when (in ?p) (and (at ?p ?to) (not (at ?p ?from)))))))
          (:action put-in
            :parameters (?p - portable ?l - location)
            :precondition (and (at ?p ?l) (at-bc ?l) (not (in ?p)))
            :effect (in ?p))
          (:action take-out
            :parameters (?p - portable)
            :precondition (in ?p)
            :effect (not (in ?p)))
          (:action seal
            :parameters ()
            :precondition (and (exists (?l - location) (at-bc ?l))
                               (forall (?p - portable) (imply (in ?p) (exists (?l - location) (at ?p ?l)))))
            :effect (sealed)))
        """

    static let briefcaseProblem = """
        (define (problem briefcase-1)
          (:domain briefcase)
          (:objects home office - location dictionary paycheck - portable)
          (:init (at-bc home) (at dictionary home) (at paycheck home))
          (:goal (and (at dictionary office) (at paycheck home) (forall (?p - portable) (not (in ?p))))))
        """

    static let briefcasePlan = ["(put-in dictionary home)", "(move home office)", "(take-out dictionary)"]

    /// Roads with action costs from a static function.
    static let roads = """
        (define (domain roads)
          (:requirements :typing :action-costs)
          (:types place)
          (:predicates (at ?p - place) (road ?a ?b - place))
          (:functions (total-cost) - number (road-length ?a ?b - place) - number)
          (:action drive
            :parameters (?a ?b - place)
            :precondition (and (at ?a) (road ?a ?b))
            :effect (and (not (at ?a)) (at ?b) (increase (total-cost) (road-length ?a ?b))))
          (:action teleport
            :parameters (?a ?b - place)
            :precondition (at ?a)
            :effect (and (not (at ?a)) (at ?b) (increase (total-cost) 100))))
        """

    static let roadsProblem = """
        (define (problem roads-1)
          (:domain roads)
          (:objects x y z - place)
          (:init (at x) (road x y) (road y z)
                 (= (road-length x y) 3) (= (road-length y z) 4) (= (total-cost) 0))
          (:goal (at z))
          (:metric minimize (total-cost)))
        """

    /// Blocks with a derived `above`.
    static let derived = """
        (define (domain blocks-derived)
          (:requirements :strips :derived-predicates :disjunctive-preconditions :existential-preconditions)
          (:predicates (on ?x ?y) (above ?x ?y) (clear ?x))
          (:derived (above ?x ?y) (or (on ?x ?y) (exists (?z) (and (on ?x ?z) (above ?z ?y)))))
          (:action move-off :parameters (?x ?y)
            :precondition (and (on ?x ?y) (clear ?x))
            :effect (and (not (on ?x ?y)) (clear ?y))))
        """

    static let derivedProblem = """
        (define (problem derived-1)
          (:domain blocks-derived)
          (:objects a b c)
          (:init (on a b) (on b c) (clear a))
          (:goal (not (above a c))))
        """

    /// Numeric fluents: fuel.
    static let fuel = """
        (define (domain fuel)
          (:requirements :typing :numeric-fluents)
          (:types place)
          (:predicates (at ?p - place))
          (:functions (fuel) - number (distance ?a ?b - place) - number)
          (:action go
            :parameters (?a ?b - place)
            :precondition (and (at ?a) (>= (fuel) (distance ?a ?b)))
            :effect (and (not (at ?a)) (at ?b) (decrease (fuel) (distance ?a ?b))))
          (:action refuel
            :parameters (?a - place)
            :precondition (at ?a)
            :effect (assign (fuel) 10)))
        """

    static let fuelProblem = """
        (define (problem fuel-1)
          (:domain fuel)
          (:objects p q - place)
          (:init (at p) (= (fuel) 5) (= (distance p q) 4) (= (distance q p) 4))
          (:goal (at q))
          (:metric minimize (fuel)))
        """

    /// Temporal: a durative action.
    static let temporal = """
        (define (domain rover-time)
          (:requirements :typing :durative-actions)
          (:types rover place)
          (:predicates (at ?r - rover ?p - place))
          (:durative-action navigate
            :parameters (?r - rover ?a ?b - place)
            :duration (= ?duration 5)
            :condition (and (at start (at ?r ?a)))
            :effect (and (at start (not (at ?r ?a))) (at end (at ?r ?b)))))
        """

    static let temporalProblem = """
        (define (problem rover-1)
          (:domain rover-time)
          (:objects r - rover a b - place)
          (:init (at r a))
          (:goal (at r b)))
        """
}
