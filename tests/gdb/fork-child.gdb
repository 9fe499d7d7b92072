set follow-fork-mode child
catch fork
break work
continue
continue
bt
info inferiors
continue
