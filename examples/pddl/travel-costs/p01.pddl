;; generate.py travel-costs 1 --places 6 --name travel-costs-p01 --seed 1
(define (problem travel-costs-p01)
  (:domain travel-costs)
  (:objects s1 s2 s3 s4 s5 s6 - place
            person1 - person)
  (:init (path s1 s2) (path s1 s3) (path s2 s1) (path s2 s3) (path s2 s5) (path s3 s1)
         (path s3 s2) (path s3 s4) (path s4 s3) (path s4 s5) (path s5 s2) (path s5 s4)
         (path s5 s6) (path s6 s5) (bus-route s1 s4) (bus-route s4 s1) (at person1 s4)
         (= (total-cost) 0))
  (:goal (at person1 s6))
  (:metric minimize (total-cost)))
