break square
continue
finish
print $ + 1
continue
