;; generate.py either-transport 4 --places 8 --cars 2 --boats 1 --name either-transport-p02 --seed 2
(define (problem either-transport-p02)
  (:domain either-transport)
  (:objects x1 x2 x3 x4 x5 x6 x7 x8 - place
            car1 car2 - car
            boat1 - boat
            crate1 crate2 crate3 crate4 - cargo)
  (:init (road x1 x2) (road x2 x1) (road x2 x3) (road x3 x2) (road x3 x4) (road x4 x3)
         (road x4 x5) (road x5 x4) (road x5 x6) (road x6 x5) (road x6 x7) (road x7 x6)
         (road x7 x8) (road x8 x7) (waterway x1 x3) (waterway x3 x1) (waterway x3 x7)
         (waterway x7 x3) (waterway x7 x8) (waterway x8 x7) (at car1 x3) (at car2 x5)
         (at boat1 x7) (at crate1 x4) (at crate2 x1) (at crate3 x3) (at crate4 x7))
  (:goal (and (at crate1 x5) (at crate2 x5) (at crate3 x4) (at crate4 x8))))
