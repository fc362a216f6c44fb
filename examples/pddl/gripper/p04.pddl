;; generate.py gripper 40 --rooms 2 --grippers 2 --name gripper-p04 --seed 1
(define (problem gripper-p04)
  (:domain gripper)
  (:objects room1 room2 - room
            ball1 ball2 ball3 ball4 ball5 ball6 ball7 ball8 ball9 ball10 ball11 ball12 ball13
            ball14 ball15 ball16 ball17 ball18 ball19 ball20 ball21 ball22 ball23 ball24 ball25
            ball26 ball27 ball28 ball29 ball30 ball31 ball32 ball33 ball34 ball35 ball36 ball37
            ball38 ball39 ball40 - ball
            left right - gripper)
  (:init (at-robby room1) (free left) (free right) (at ball1 room1) (at ball2 room1)
         (at ball3 room2) (at ball4 room2) (at ball5 room1) (at ball6 room1) (at ball7 room2)
         (at ball8 room2) (at ball9 room1) (at ball10 room2) (at ball11 room1) (at ball12 room1)
         (at ball13 room1) (at ball14 room1) (at ball15 room2) (at ball16 room1)
         (at ball17 room1) (at ball18 room2) (at ball19 room1) (at ball20 room1)
         (at ball21 room2) (at ball22 room2) (at ball23 room1) (at ball24 room2)
         (at ball25 room2) (at ball26 room2) (at ball27 room2) (at ball28 room1)
         (at ball29 room2) (at ball30 room2) (at ball31 room1) (at ball32 room2)
         (at ball33 room1) (at ball34 room1) (at ball35 room2) (at ball36 room1)
         (at ball37 room1) (at ball38 room1) (at ball39 room2) (at ball40 room2))
  (:goal (and (at ball1 room2) (at ball2 room2) (at ball3 room1) (at ball4 room1)
              (at ball5 room2) (at ball6 room2) (at ball7 room1) (at ball8 room1)
              (at ball9 room2) (at ball10 room1) (at ball11 room2) (at ball12 room2)
              (at ball13 room2) (at ball14 room2) (at ball15 room1) (at ball16 room2)
              (at ball17 room2) (at ball18 room1) (at ball19 room2) (at ball20 room2)
              (at ball21 room1) (at ball22 room1) (at ball23 room2) (at ball24 room1)
              (at ball25 room1) (at ball26 room1) (at ball27 room1) (at ball28 room2)
              (at ball29 room1) (at ball30 room1) (at ball31 room2) (at ball32 room1)
              (at ball33 room2) (at ball34 room2) (at ball35 room1) (at ball36 room2)
              (at ball37 room2) (at ball38 room2) (at ball39 room1) (at ball40 room1))))
