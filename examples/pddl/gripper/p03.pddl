;; generate.py gripper 20 --rooms 2 --grippers 2 --name gripper-p03 --seed 1
(define (problem gripper-p03)
  (:domain gripper)
  (:objects room1 room2 - room
            ball1 ball2 ball3 ball4 ball5 ball6 ball7 ball8 ball9 ball10 ball11 ball12 ball13
            ball14 ball15 ball16 ball17 ball18 ball19 ball20 - ball
            left right - gripper)
  (:init (at-robby room1) (free left) (free right) (at ball1 room1) (at ball2 room1)
         (at ball3 room2) (at ball4 room2) (at ball5 room1) (at ball6 room1) (at ball7 room2)
         (at ball8 room2) (at ball9 room1) (at ball10 room2) (at ball11 room1) (at ball12 room1)
         (at ball13 room1) (at ball14 room1) (at ball15 room2) (at ball16 room1)
         (at ball17 room1) (at ball18 room2) (at ball19 room1) (at ball20 room1))
  (:goal (and (at ball1 room2) (at ball2 room2) (at ball3 room1) (at ball4 room1)
              (at ball5 room2) (at ball6 room2) (at ball7 room1) (at ball8 room1)
              (at ball9 room2) (at ball10 room1) (at ball11 room2) (at ball12 room2)
              (at ball13 room2) (at ball14 room2) (at ball15 room1) (at ball16 room2)
              (at ball17 room2) (at ball18 room1) (at ball19 room2) (at ball20 room2))))
