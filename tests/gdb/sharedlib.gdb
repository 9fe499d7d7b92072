break show
continue
info sharedlibrary
bt
print *p
continue
