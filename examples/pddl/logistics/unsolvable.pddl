;; Unsolvable: pkg1 must go from city1 to city2, but the only airplane is grounded in a third city
;; whose airport it cannot leave for another (fly needs two airports and there is only one other:
;; airport3 is the only airport). Proof: a package changes city only inside an airplane (trucks
;; drive within a city), and an airplane is only ever at an airport; the only airport is airport3,
;; so no airplane is ever in city1 or city2.
(define (problem logistics-unsolvable)
  (:domain logistics)
  (:objects city1 city2 city3 - city
            airport3 - airport
            loc1-1 loc1-2 loc2-1 - place
            truck1 truck2 - truck
            plane1 - airplane
            pkg1 pkg2 - package)
  (:init (in-city loc1-1 city1) (in-city loc1-2 city1) (in-city loc2-1 city2) (in-city airport3 city3)
         (at truck1 loc1-1) (at truck2 loc2-1) (at plane1 airport3)
         (at pkg1 loc1-2) (at pkg2 loc1-1))
  (:goal (and (at pkg1 loc2-1) (at pkg2 loc1-2))))
