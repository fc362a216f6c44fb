print("factory")
