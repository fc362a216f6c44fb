;; generate.py briefcase 4 --locations 4 --name briefcase-p02 --seed 2
(define (problem briefcase-p02)
  (:domain briefcase)
  (:objects l1 l2 l3 l4 - location
            item1 item2 item3 item4 - item)
  (:init (case-at l1) (at item1 l1) (at item2 l3) (at item3 l3) (at item4 l2))
  (:goal (and (at item1 l2) (at item2 l1) (at item3 l2) (at item4 l4) (case-at l1))))
