print("apiref")
