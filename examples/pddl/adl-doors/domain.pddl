;; Rooms, doors and keys: disjunctive, existential and universal preconditions, and equality.
;; A door opens for any key that fits it (exists), a room may be entered when its door is open
;; or it is lit (or), and the alarm may be set only when no key is lying around (forall).
(define (domain adl-doors)
  (:requirements :typing :disjunctive-preconditions :existential-preconditions
                 :universal-preconditions :equality :negative-preconditions)
  (:types room key)
  (:predicates (robot-at ?r - room)
               (connected ?a ?b - room)
               (door-open ?r - room)
               (lit ?r - room)
               (key-at ?k - key ?r - room)
               (holding ?k - key)
               (fits ?k - key ?r - room)
               (alarm-set))

  (:action go
    :parameters (?from ?to - room)
    :precondition (and (robot-at ?from) (connected ?from ?to) (not (= ?from ?to))
                       (or (door-open ?to) (lit ?to)))
    :effect (and (robot-at ?to) (not (robot-at ?from))))

  (:action open-door
    :parameters (?from ?to - room)
    :precondition (and (robot-at ?from) (connected ?from ?to)
                       (exists (?k - key) (and (holding ?k) (fits ?k ?to))))
    :effect (door-open ?to))

  (:action pick-up
    :parameters (?k - key ?r - room)
    :precondition (and (robot-at ?r) (key-at ?k ?r))
    :effect (and (holding ?k) (not (key-at ?k ?r))))

  (:action drop
    :parameters (?k - key ?r - room)
    :precondition (and (robot-at ?r) (holding ?k))
    :effect (and (key-at ?k ?r) (not (holding ?k))))

  (:action set-alarm
    :parameters (?r - room)
    :precondition (and (robot-at ?r) (forall (?k - key) (holding ?k)))
    :effect (alarm-set)))
