package web

import "boussole/internal/access"

// sharingRoutes registers capitalisation (issue 16): what the authority shares with its peers, the library
// of peers' shared strategies, the copy of a peer's elements into a draft, and the atlas of who cooperates
// where. Peers' pages read only shares, never another authority's own records.
func (s *Server) sharingRoutes(ws routeFunc) {
	ws("GET /ct/{slug}/partage", access.ManageSharing, s.showSharing)
	ws("POST /ct/{slug}/partage", access.ManageSharing, s.saveSharing)
	ws("GET /ct/{slug}/partage/retrait", access.ManageSharing, s.confirmWithdrawShare)
	ws("POST /ct/{slug}/partage/retrait", access.ManageSharing, s.withdrawShare)
	ws("GET /ct/{slug}/bibliotheque", access.ReadPeers, s.showLibrary)
	ws("GET /ct/{slug}/bibliotheque/{share}", access.ReadPeers, s.showPeerStrategy)
	ws("GET /ct/{slug}/bibliotheque/{share}/reprendre", access.EditContent, s.showCopyFromPeer)
	ws("POST /ct/{slug}/bibliotheque/{share}/reprendre", access.EditContent, s.copyFromPeer)
	ws("GET /ct/{slug}/atlas", access.ReadPeers, s.showAtlas)
	ws("GET /ct/{slug}/atlas.csv", access.ReadPeers, s.exportAtlas)
}
