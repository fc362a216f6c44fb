;; Briefcase: moving the case moves everything inside it (forall + when: conditional effects).
(define (domain briefcase)
  (:requirements :typing :conditional-effects :universal-preconditions :negative-preconditions)
  (:types location item)
  (:predicates (case-at ?l - location)
               (at ?i - item ?l - location)
               (in ?i - item))

  (:action move
    :parameters (?from ?to - location)
    :precondition (and (case-at ?from) (not (case-at ?to)))
    :effect (and (case-at ?to) (not (case-at ?from))
                 (forall (?i - item)
                   (when (in ?i)
                     (and (at ?i ?to) (not (at ?i ?from)))))))

  (:action put-in
    :parameters (?i - item ?l - location)
    :precondition (and (at ?i ?l) (case-at ?l) (not (in ?i)))
    :effect (in ?i))

  (:action take-out
    :parameters (?i - item)
    :precondition (in ?i)
    :effect (not (in ?i))))
