;; generate.py logistics 2 --cities 2 --locations 2 --airplanes 1 --name logistics-p01 --seed 1
(define (problem logistics-p01)
  (:domain logistics)
  (:objects city1 city2 - city
            airport1 airport2 - airport
            loc1-1 loc2-1 - place
            truck1 truck2 - truck
            plane1 - airplane
            pkg1 pkg2 - package)
  (:init (in-city airport1 city1) (in-city loc1-1 city1) (at truck1 airport1)
         (in-city airport2 city2) (in-city loc2-1 city2) (at truck2 airport2)
         (at plane1 airport2) (at pkg1 airport1) (at pkg2 loc2-1))
  (:goal (and (at pkg1 airport2) (at pkg2 loc1-1))))
