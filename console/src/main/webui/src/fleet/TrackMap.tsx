import 'leaflet/dist/leaflet.css';
import { useEffect, type ReactNode } from 'react';
import { CircleMarker, MapContainer, Polyline, TileLayer, Tooltip, useMap } from 'react-leaflet';
import type { LatLngTuple } from 'leaflet';
import { useMapSettings } from './api';

export interface MapPoint {
  key: string;
  position: LatLngTuple;
  label: ReactNode;
}

/** Fits the view to the points whenever `fitKey` changes (a new period or device set), not on every live update. */
function FitTo({ points, fitKey }: { points: LatLngTuple[]; fitKey: string }) {
  const map = useMap();
  useEffect(() => {
    if (points.length === 1) map.setView(points[0], Math.max(map.getZoom(), 14));
    else if (points.length > 1) map.fitBounds(points, { padding: [24, 24], maxZoom: 17 });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fitKey, points.length > 0]);
  return null;
}

/**
 * A Leaflet map with markers and an optional track. Background tiles come from the console's settings; without
 * them the track and markers are drawn on a plain background.
 */
export function TrackMap({ markers, track = [], fitKey, height = 360, testId }: {
  markers: MapPoint[];
  track?: LatLngTuple[];
  fitKey: string;
  height?: number;
  testId?: string;
}) {
  const settings = useMapSettings();
  const tiles = settings.data?.tileUrl;
  const all = track.length ? track : markers.map((m) => m.position);
  // Wait for the settings: the attribution control is chosen when the map is created.
  if (settings.isPending) return <div style={{ height }} />;
  const center: LatLngTuple = markers[0]?.position ?? all[0] ?? [0, 0];
  return (
    // Leaflet's panes have z-indexes up to 1000; isolated here, they stay under dialogs opened over the page.
    <div data-testid={testId} data-markers={markers.length} data-track={track.length} style={{ isolation: 'isolate' }}>
      <MapContainer center={center} zoom={all.length ? 14 : 2} style={{ height, width: '100%' }} attributionControl={!!tiles}>
        {tiles && <TileLayer url={tiles} attribution={settings.data?.attribution ?? ''} />}
        {track.length > 1 && <Polyline positions={track} pathOptions={{ color: '#228be6', weight: 3 }} />}
        {markers.map((m) => (
          <CircleMarker key={m.key} center={m.position} radius={8} pathOptions={{ color: '#c92a2a', fillOpacity: 0.8 }}>
            <Tooltip>{m.label}</Tooltip>
          </CircleMarker>
        ))}
        <FitTo points={all} fitKey={fitKey} />
      </MapContainer>
    </div>
  );
}
