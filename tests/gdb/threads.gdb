break worker_mark
continue
info threads
bt 2
print v
thread 1
continue
