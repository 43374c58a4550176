// Package timeline draws the Gantt chart of a story (hands, ears, devices,
// waits) and the playhead, and maps the pointer to minutes and people.
package timeline
