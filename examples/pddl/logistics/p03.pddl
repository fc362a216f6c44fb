;; generate.py logistics 10 --cities 4 --locations 3 --airplanes 1 --name logistics-p03 --seed 1
(define (problem logistics-p03)
  (:domain logistics)
  (:objects city1 city2 city3 city4 - city
            airport1 airport2 airport3 airport4 - airport
            loc1-1 loc1-2 loc2-1 loc2-2 loc3-1 loc3-2 loc4-1 loc4-2 - place
            truck1 truck2 truck3 truck4 - truck
            plane1 - airplane
            pkg1 pkg2 pkg3 pkg4 pkg5 pkg6 pkg7 pkg8 pkg9 pkg10 - package)
  (:init (in-city airport1 city1) (in-city loc1-1 city1) (in-city loc1-2 city1)
         (at truck1 airport1) (in-city airport2 city2) (in-city loc2-1 city2)
         (in-city loc2-2 city2) (at truck2 loc2-2) (in-city airport3 city3)
         (in-city loc3-1 city3) (in-city loc3-2 city3) (at truck3 airport3)
         (in-city airport4 city4) (in-city loc4-1 city4) (in-city loc4-2 city4)
         (at truck4 loc4-1) (at plane1 airport1) (at pkg1 loc3-1) (at pkg2 loc3-1)
         (at pkg3 airport3) (at pkg4 loc1-1) (at pkg5 airport1) (at pkg6 airport3)
         (at pkg7 airport1) (at pkg8 loc2-1) (at pkg9 airport4) (at pkg10 loc2-2))
  (:goal (and (at pkg1 loc3-2) (at pkg2 loc4-2) (at pkg3 airport2) (at pkg4 loc3-2)
              (at pkg5 loc3-1) (at pkg6 loc4-1) (at pkg7 loc3-2) (at pkg8 airport2)
              (at pkg9 loc1-1) (at pkg10 airport1))))
