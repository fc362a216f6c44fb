;; An elevator serves passengers; boarding and departing use negative preconditions.
(define (domain elevator)
  (:requirements :strips :typing :negative-preconditions)
  (:types floor passenger)
  (:predicates (lift-at ?f - floor)
               (above ?lower ?upper - floor)
               (origin ?p - passenger ?f - floor)
               (destin ?p - passenger ?f - floor)
               (boarded ?p - passenger)
               (served ?p - passenger))

  (:action up
    :parameters (?f1 ?f2 - floor)
    :precondition (and (lift-at ?f1) (above ?f1 ?f2))
    :effect (and (lift-at ?f2) (not (lift-at ?f1))))

  (:action down
    :parameters (?f1 ?f2 - floor)
    :precondition (and (lift-at ?f1) (above ?f2 ?f1))
    :effect (and (lift-at ?f2) (not (lift-at ?f1))))

  (:action board
    :parameters (?p - passenger ?f - floor)
    :precondition (and (lift-at ?f) (origin ?p ?f) (not (boarded ?p)) (not (served ?p)))
    :effect (boarded ?p))

  (:action depart
    :parameters (?p - passenger ?f - floor)
    :precondition (and (lift-at ?f) (destin ?p ?f) (boarded ?p))
    :effect (and (served ?p) (not (boarded ?p)))))
