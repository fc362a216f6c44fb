;; A logistics-like typed STRIPS domain: trucks drive inside a city, planes fly between airports.
(define (domain logistics)
  (:requirements :strips :typing)
  (:types thing place city - object
          package vehicle - thing
          truck airplane - vehicle
          airport - place)
  (:predicates (in-city ?p - place ?c - city)
               (at ?t - thing ?p - place)
               (in ?pkg - package ?v - vehicle))

  (:action load
    :parameters (?pkg - package ?v - vehicle ?p - place)
    :precondition (and (at ?v ?p) (at ?pkg ?p))
    :effect (and (in ?pkg ?v) (not (at ?pkg ?p))))

  (:action unload
    :parameters (?pkg - package ?v - vehicle ?p - place)
    :precondition (and (at ?v ?p) (in ?pkg ?v))
    :effect (and (at ?pkg ?p) (not (in ?pkg ?v))))

  (:action drive
    :parameters (?t - truck ?from ?to - place ?c - city)
    :precondition (and (at ?t ?from) (in-city ?from ?c) (in-city ?to ?c))
    :effect (and (at ?t ?to) (not (at ?t ?from))))

  (:action fly
    :parameters (?a - airplane ?from ?to - airport)
    :precondition (at ?a ?from)
    :effect (and (at ?a ?to) (not (at ?a ?from)))))
