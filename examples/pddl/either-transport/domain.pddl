;; Cars drive on roads, boats sail on waterways, and either may carry cargo: `either` types in the
;; predicates. (Fast Downward's translator accepts `either` in predicate declarations, not in action
;; parameters, so the actions use the common supertype.)
(define (domain either-transport)
  (:requirements :strips :typing)
  (:types vehicle cargo place - object
          car boat - vehicle)
  (:predicates (at ?x - (either car boat cargo) ?p - place)
               (inside ?c - cargo ?v - (either car boat))
               (road ?from ?to - place)
               (waterway ?from ?to - place))

  (:action drive
    :parameters (?v - car ?from ?to - place)
    :precondition (and (at ?v ?from) (road ?from ?to))
    :effect (and (at ?v ?to) (not (at ?v ?from))))

  (:action sail
    :parameters (?v - boat ?from ?to - place)
    :precondition (and (at ?v ?from) (waterway ?from ?to))
    :effect (and (at ?v ?to) (not (at ?v ?from))))

  (:action load
    :parameters (?c - cargo ?v - vehicle ?p - place)
    :precondition (and (at ?c ?p) (at ?v ?p))
    :effect (and (inside ?c ?v) (not (at ?c ?p))))

  (:action unload
    :parameters (?c - cargo ?v - vehicle ?p - place)
    :precondition (and (inside ?c ?v) (at ?v ?p))
    :effect (and (at ?c ?p) (not (inside ?c ?v)))))
