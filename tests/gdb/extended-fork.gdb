set follow-fork-mode child
break work
continue
continue
run
continue
