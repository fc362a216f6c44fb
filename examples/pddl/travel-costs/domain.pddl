;; Travel with action costs: walking is cheap per step, the bus is dearer but goes far,
;; a taxi goes anywhere at a high price. The cheapest plan is rarely the shortest one.
(define (domain travel-costs)
  (:requirements :strips :typing :action-costs)
  (:types person place)
  (:predicates (at ?p - person ?l - place)
               (path ?from ?to - place)
               (bus-route ?from ?to - place))
  (:functions (total-cost) - number)

  (:action walk
    :parameters (?p - person ?from ?to - place)
    :precondition (and (at ?p ?from) (path ?from ?to))
    :effect (and (at ?p ?to) (not (at ?p ?from)) (increase (total-cost) 3)))

  (:action ride-bus
    :parameters (?p - person ?from ?to - place)
    :precondition (and (at ?p ?from) (bus-route ?from ?to))
    :effect (and (at ?p ?to) (not (at ?p ?from)) (increase (total-cost) 5)))

  (:action take-taxi
    :parameters (?p - person ?from ?to - place)
    :precondition (at ?p ?from)
    :effect (and (at ?p ?to) (not (at ?p ?from)) (increase (total-cost) 20))))
