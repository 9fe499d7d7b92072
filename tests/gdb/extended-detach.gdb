break square
continue
detach
shell sleep 0.5
run
print v
continue
