;; generate.py briefcase 2 --locations 3 --name briefcase-p01 --seed 1
(define (problem briefcase-p01)
  (:domain briefcase)
  (:objects l1 l2 l3 - location
            item1 item2 - item)
  (:init (case-at l1) (at item1 l3) (at item2 l2))
  (:goal (and (at item1 l1) (at item2 l1) (case-at l1))))
