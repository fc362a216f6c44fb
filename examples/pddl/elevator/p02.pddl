;; generate.py elevator 6 --floors 8 --name elevator-p02 --seed 2
(define (problem elevator-p02)
  (:domain elevator)
  (:objects f0 f1 f2 f3 f4 f5 f6 f7 - floor
            p1 p2 p3 p4 p5 p6 - passenger)
  (:init (lift-at f0) (above f0 f1) (above f0 f2) (above f0 f3) (above f0 f4) (above f0 f5)
         (above f0 f6) (above f0 f7) (above f1 f2) (above f1 f3) (above f1 f4) (above f1 f5)
         (above f1 f6) (above f1 f7) (above f2 f3) (above f2 f4) (above f2 f5) (above f2 f6)
         (above f2 f7) (above f3 f4) (above f3 f5) (above f3 f6) (above f3 f7) (above f4 f5)
         (above f4 f6) (above f4 f7) (above f5 f6) (above f5 f7) (above f6 f7) (origin p1 f1)
         (destin p1 f0) (origin p2 f5) (destin p2 f6) (origin p3 f2) (destin p3 f5)
         (origin p4 f4) (destin p4 f2) (origin p5 f3) (destin p5 f4) (origin p6 f0)
         (destin p6 f4))
  (:goal (and (served p1) (served p2) (served p3) (served p4) (served p5) (served p6))))
