info breakpoints
print spins > 0
set var stop = 1
continue
