/**
 * Recording tasks: the journey's video step asks the shop's staff to record a clip for an order by a due time
 * ({@link dev.beckon.video.recording.RecordingTasks}); when nobody does, the shop's pre-recorded fallback video
 * goes out instead, so no customer is missed.
 */
package dev.beckon.video.recording;
