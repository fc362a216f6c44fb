;; generate.py either-transport 2 --places 4 --cars 1 --boats 1 --name either-transport-p01 --seed 1
(define (problem either-transport-p01)
  (:domain either-transport)
  (:objects x1 x2 x3 x4 - place
            car1 - car
            boat1 - boat
            crate1 crate2 - cargo)
  (:init (road x1 x2) (road x2 x1) (road x2 x3) (road x3 x2) (road x3 x4) (road x4 x3)
         (waterway x2 x3) (waterway x3 x2) (at car1 x1) (at boat1 x3) (at crate1 x1)
         (at crate2 x4))
  (:goal (and (at crate1 x2) (at crate2 x2))))
