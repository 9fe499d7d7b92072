break sum_to
continue
watch counter
continue
continue
delete
rwatch counter
continue
delete
awatch counter
continue
continue
delete
watch sink
continue
info watchpoints
delete
continue
