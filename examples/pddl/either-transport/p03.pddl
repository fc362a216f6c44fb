;; generate.py either-transport 10 --places 10 --cars 2 --boats 1 --name either-transport-p03 --seed 1
(define (problem either-transport-p03)
  (:domain either-transport)
  (:objects x1 x2 x3 x4 x5 x6 x7 x8 x9 x10 - place
            car1 car2 - car
            boat1 - boat
            crate1 crate2 crate3 crate4 crate5 crate6 crate7 crate8 crate9 crate10 - cargo)
  (:init (road x1 x2) (road x2 x1) (road x2 x3) (road x3 x2) (road x3 x4) (road x4 x3)
         (road x4 x5) (road x5 x4) (road x5 x6) (road x6 x5) (road x6 x7) (road x7 x6)
         (road x7 x8) (road x8 x7) (road x8 x9) (road x9 x8) (road x9 x10) (road x10 x9)
         (waterway x1 x2) (waterway x2 x1) (waterway x2 x3) (waterway x3 x2) (waterway x3 x4)
         (waterway x4 x3) (waterway x4 x5) (waterway x5 x4) (at car1 x8) (at car2 x8)
         (at boat1 x4) (at crate1 x4) (at crate2 x8) (at crate3 x7) (at crate4 x10)
         (at crate5 x8) (at crate6 x4) (at crate7 x6) (at crate8 x1) (at crate9 x9)
         (at crate10 x7))
  (:goal (and (at crate1 x2) (at crate2 x1) (at crate3 x10) (at crate4 x1) (at crate5 x5)
              (at crate6 x2) (at crate7 x1) (at crate8 x10) (at crate9 x1) (at crate10 x4))))
