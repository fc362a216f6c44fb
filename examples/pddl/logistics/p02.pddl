;; generate.py logistics 4 --cities 3 --locations 3 --airplanes 1 --name logistics-p02 --seed 2
(define (problem logistics-p02)
  (:domain logistics)
  (:objects city1 city2 city3 - city
            airport1 airport2 airport3 - airport
            loc1-1 loc1-2 loc2-1 loc2-2 loc3-1 loc3-2 - place
            truck1 truck2 truck3 - truck
            plane1 - airplane
            pkg1 pkg2 pkg3 pkg4 - package)
  (:init (in-city airport1 city1) (in-city loc1-1 city1) (in-city loc1-2 city1)
         (at truck1 airport1) (in-city airport2 city2) (in-city loc2-1 city2)
         (in-city loc2-2 city2) (at truck2 airport2) (in-city airport3 city3)
         (in-city loc3-1 city3) (in-city loc3-2 city3) (at truck3 airport3) (at plane1 airport2)
         (at pkg1 loc1-2) (at pkg2 loc2-1) (at pkg3 airport1) (at pkg4 airport3))
  (:goal (and (at pkg1 loc2-2) (at pkg2 airport2) (at pkg3 airport2) (at pkg4 loc3-1))))
