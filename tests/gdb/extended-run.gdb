break square
continue
print v
continue
run
print v
print counter
continue
run
kill
run
continue
