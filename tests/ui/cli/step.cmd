# source and instruction stepping, frames, temporary breakpoints, displays
break bump
continue
bt
up
info frame
down
tbreak add
continue
finish
next
next
step
display counter
nexti
nexti
undisplay 1
until 23
next
list 9,12
list add
info threads
thread 1
stepi 3
p $pc
reverse-stepi 2
p $pc
reverse-stepi 5
