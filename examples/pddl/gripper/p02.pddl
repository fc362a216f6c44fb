;; generate.py gripper 8 --rooms 2 --grippers 2 --name gripper-p02 --seed 2
(define (problem gripper-p02)
  (:domain gripper)
  (:objects room1 room2 - room
            ball1 ball2 ball3 ball4 ball5 ball6 ball7 ball8 - ball
            left right - gripper)
  (:init (at-robby room1) (free left) (free right) (at ball1 room1) (at ball2 room2)
         (at ball3 room2) (at ball4 room1) (at ball5 room1) (at ball6 room2) (at ball7 room2)
         (at ball8 room1))
  (:goal (and (at ball1 room2) (at ball2 room1) (at ball3 room1) (at ball4 room2)
              (at ball5 room2) (at ball6 room1) (at ball7 room1) (at ball8 room2))))
